// The ids of the editor commands: the code lenses and code actions call them, the VS Code
// extension registers them and its manifest contributes them. A module of its own, so that
// the client bundle imports the ids without Langium.
export const TopoCommands = {
  openPreview: 'topo.openPreview',
  showCarbon: 'topo.showCarbon',
  simulate: 'topo.runSimulation',
  compareFixed: 'topo.compareFixedBudgets',
  sweepLoad: 'topo.sweepLoad',
  exportSvg: 'topo.exportSvg',
  importSpigo: 'topo.importSpigo',
  importKubernetes: 'topo.importKubernetes',
  importTraces: 'topo.importTraces',
  exportAs: 'topo.exportAs',
  newFile: 'topo.newFile',
} as const;
