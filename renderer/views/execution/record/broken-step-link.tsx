import { stepEventAnchorId, stepEventName } from '../../../format/step-event-anchor';

/**
 * "stream step event 2" as a button that scrolls the steps panel to that event
 * and focuses it, so the verdict and the step it names are one thing on screen.
 * A button, not a link: the URL hash is the app's route.
 */
export function BrokenStepLink({ via, position }: { readonly via: 'stream' | 'document'; readonly position: number }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        const target = document.getElementById(stepEventAnchorId(via, position));
        if (target === null) return;
        target.scrollIntoView({ block: 'center' });
        target.focus();
      }}
    >
      {stepEventName(via, position)}
    </button>
  );
}
