// The sandboxed preload: it may require nothing but 'electron', so the method
// list and channel names are spelled here instead of imported. The compiler keeps
// the list complete (see `MissingMethods`) and a test keeps it equal to API_METHODS.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, IndexChange, InspectorBridge } from '../../shared/api/contract';

/** Every method of the contract, in contract order. */
const PRELOAD_METHODS = [
  'summary',
  'listExecutions',
  'getExecution',
  'getWaterfall',
  'listEvents',
  'listEventKinds',
  'getEvent',
  'verifyExecution',
  'getSecurityDiff',
  'getSideEffectReport',
  'getRollbackScaffold',
  'getTelemetrySummary',
  'listProblems',
  'getProblemLine',
  'histogram',
  'listSources',
  'getTimeZones',
  'setTimeZone',
  'acknowledgeRollback',
  'listAcknowledgements',
  'getJournal',
  'listNotes',
  'addNote',
  'editNote',
  'deleteNote',
  'setReviewer',
  'exportJournal',
  'exportReport',
  'exportOtlp',
  'cancelIndexing',
  'rescan',
  'compareExecutions',
  'exportComparisonReport',
  'listBaselines',
  'setBaseline',
  'clearBaseline',
  'getBaselineVerdicts',
  'listRecentFolders',
  'openRecentFolder',
  'chooseFolder',
] as const satisfies readonly ApiMethod[];

/** A method the contract has and the list above lacks; `never` when the list is complete. */
type MissingMethods = Exclude<ApiMethod, (typeof PRELOAD_METHODS)[number]>;
const listIsComplete: [MissingMethods] extends [never] ? true : MissingMethods = true;
void listIsComplete;

const CHANNEL_PREFIX = 'inspector:';
const INDEX_CHANGED_CHANNEL = `${CHANNEL_PREFIX}changed`;

/**
 * Builds `window.inspector`: one function per method that invokes its channel
 * with the request only, and `onIndexChanged`, which hands the listener the
 * change and never the event or ipcRenderer.
 */
function createInspectorBridge(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): InspectorBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of PRELOAD_METHODS) {
    bridge[method] = (request: unknown) => ipc.invoke(`${CHANNEL_PREFIX}${method}`, request);
  }
  bridge.onIndexChanged = (listener: (change: IndexChange) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onIndexChanged needs a function');
    const relay = (_event: IpcRendererEvent, change: IndexChange): void => listener(change);
    ipc.on(INDEX_CHANGED_CHANNEL, relay);
    return () => {
      ipc.removeListener(INDEX_CHANGED_CHANNEL, relay);
    };
  };
  return Object.freeze(bridge) as InspectorBridge;
}

contextBridge.exposeInMainWorld('inspector', createInspectorBridge(ipcRenderer));
