// A comparison of runs of one scenario (the file as written and with its timeout budgets
// fixed): one panel per file and scenario, reused when the comparison runs again, restored
// from the view's state after a reload.
import type { CompareData } from '@topo/views/messages';
import { DataPanels } from './data-panel.js';

export const COMPARE_VIEW_TYPE = 'topo.compare';

export const ComparePanel = new DataPanels<CompareData>({
  viewType: COMPARE_VIEW_TYPE,
  view: 'compare',
  title: (data) => `Compare: ${data.table.scenario} (${data.name})`,
  key: (data) => `${data.table.scenario} ${data.uri}`,
  message: (data) => ({ type: 'compare', data }),
});
