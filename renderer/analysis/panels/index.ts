export { AnalysisToolbar, type AnalysisToolbarProps, type VehicleOption, type ChoiceOption } from './AnalysisToolbar.js';
export { FindingsPanel, type FindingsPanelProps } from './FindingsPanel.js';
export { CoveragePanel, type CoveragePanelProps } from './CoveragePanel.js';
export { SpeedProfileChart, type SpeedProfileChartProps } from './SpeedProfileChart.js';
export { StandoffTable, type StandoffTableProps } from './StandoffTable.js';
export { LayersView, type LayersViewProps } from './LayersView.js';
export { AnalysisStatusIndicator, type AnalysisStatusIndicatorProps } from './AnalysisStatusIndicator.js';
export { SuspectItemsPanel, type SuspectItemsPanelProps, type SuspectItemRow } from './SuspectItemsPanel.js';
