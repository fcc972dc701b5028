import type { ComponentType } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import type { ExecutionFamily } from '../../../shared/model/family';
import { BensonSections } from './benson/benson-sections';
import { CycleSections } from './cycle/cycle-sections';
import { ExecEventSections } from './exec-event/exec-event-sections';
import { ChainBadge } from './record/chain-badge';
import { OtlpSections } from './otlp/otlp-sections';
import { RecordSections } from './record/record-sections';
import { StreamSections } from './stream/stream-sections';

/** What every family view is given: the execution's id and its detail. */
export interface FamilyViewProps {
  readonly id: string;
  readonly detail: ApiResponse<'getExecution'>;
}

/** How the execution page shows one family. */
export interface FamilyView {
  /** The family's own sections, between the header and the problems. */
  readonly Sections: ComponentType<FamilyViewProps>;
  /** A verdict badge of its own in the header (the record's chain), or null. */
  readonly HeaderBadge: ComponentType<{ readonly id: string }> | null;
  /** True when the sections list the events themselves (a stream's tail), so the page does not list them again. */
  readonly listsOwnEvents: boolean;
  /** The title of its waterfall: what its bars are. */
  readonly waterfallTitle: string;
}

/** The one map from a family to its view; its type asks for every family that has executions. */
export const FAMILY_VIEWS: { readonly [F in ExecutionFamily]: FamilyView } = {
  record: { Sections: RecordSections, HeaderBadge: ChainBadge, listsOwnEvents: false, waterfallTitle: 'Waterfall of steps' },
  benson: { Sections: BensonSections, HeaderBadge: null, listsOwnEvents: false, waterfallTitle: 'Waterfall of phases and checkpoints' },
  cycle: { Sections: CycleSections, HeaderBadge: null, listsOwnEvents: false, waterfallTitle: 'Waterfall of cycles, steps and commands' },
  stream: { Sections: StreamSections, HeaderBadge: null, listsOwnEvents: true, waterfallTitle: 'Waterfall of stream events' },
  'exec-event': { Sections: ExecEventSections, HeaderBadge: null, listsOwnEvents: false, waterfallTitle: 'Waterfall of terminal events' },
  otlp: { Sections: OtlpSections, HeaderBadge: null, listsOwnEvents: false, waterfallTitle: 'Waterfall of spans' },
};
