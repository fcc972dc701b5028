import { Fragment, useState } from 'react';
import { SHORTCUT_SCOPES, SHORTCUTS, type ShortcutScope } from '../format/shortcuts';
import { useShortcut } from '../hooks/use-shortcut';
import { ModalDialog } from './modal-dialog';

/**
 * The keyboard shortcuts, listed by where they work (the group of the view on
 * screen says so), in a dialog that `?` or its visible button opens and Esc
 * closes. Read from the same table the keys are, so it lists every one.
 */
export function ShortcutSheet({ scope }: { readonly scope: ShortcutScope | null }) {
  const [open, setOpen] = useState(false);
  useShortcut((action) => {
    if (action !== 'show-shortcuts') return false;
    setOpen(true);
    return true;
  });
  return (
    <>
      <button type="button" className="shortcut-button" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
        <span aria-hidden="true">?</span> Keyboard shortcuts
      </button>
      <ModalDialog open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)} className="dialog-shortcuts">
        <p className="muted small">Letter keys act only when no text field has the focus.</p>
        <div className="shortcut-groups">
          {SHORTCUT_SCOPES.map((group) => (
            <section key={group.scope} className={`shortcut-group${group.scope === scope ? ' is-current' : ''}`} aria-labelledby={`shortcuts-${group.scope}`}>
              <h3 id={`shortcuts-${group.scope}`}>
                {group.title}
                {group.scope === scope && <span className="muted"> (this view)</span>}
              </h3>
              <dl className="shortcut-list">
                {SHORTCUTS.filter((shortcut) => shortcut.scope === group.scope).map((shortcut) => (
                  <Fragment key={`${shortcut.keys.join(' ')} ${shortcut.description}`}>
                    <dt>
                      {shortcut.keys.map((key, index) => (
                        <Fragment key={key}>
                          {index > 0 && <span className="muted"> or </span>}
                          <kbd>{key}</kbd>
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{shortcut.description}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" data-autofocus onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
