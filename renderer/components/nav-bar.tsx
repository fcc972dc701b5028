import type { ApiResponse } from '../../shared/api/contract';
import { formatCount } from '../format/numbers';
import { routeHash, type Route, type routeSection } from '../format/route';

type Section = ReturnType<typeof routeSection>;

const LINKS: readonly { readonly section: NonNullable<Section>; readonly route: Route; readonly label: string }[] = [
  { section: 'overview', route: { view: 'overview' }, label: 'Overview' },
  { section: 'executions', route: { view: 'executions' }, label: 'Executions' },
  { section: 'events', route: { view: 'events', eventId: null }, label: 'Events' },
  { section: 'problems', route: { view: 'problems' }, label: 'Problems' },
  { section: 'notes', route: { view: 'notes' }, label: 'Notes' },
  { section: 'start', route: { view: 'start' }, label: 'Folder' },
];

/** The top navigation between views, with the problem count. */
export function NavBar({ section, summary }: { readonly section: Section; readonly summary: ApiResponse<'summary'> | undefined }) {
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {LINKS.map((link) => (
          <li key={link.section}>
            <a href={routeHash(link.route)} aria-current={section === link.section ? 'page' : undefined}>
              {link.label}
              {link.section === 'problems' && summary !== undefined && summary.problems > 0 && <span className="nav-count">{formatCount(summary.problems)}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
