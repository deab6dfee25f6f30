/**
 * `@helsekit/measurement-dashboard`: `<hk-measurement-dashboard>` and `<hk-clinic-worklist>`. Side-effect free;
 * import `@helsekit/measurement-dashboard/define` to register the tags.
 */
export { HkMeasurementDashboard, type RangeKey } from './measurement-dashboard.element.js';
export { HkClinicWorklist, type Clinician } from './clinic-worklist.element.js';
export * from './dashboard.events.js';
export { chartModel, renderChart, CHART_WIDTH, CHART_HEIGHT, PLOT_WIDTH, type ChartInput, type ChartModel, type ChartSeries } from './trend-chart.js';
export {
  fetchReadingsActor,
  fetchWorklistActor,
  loadWorklistObservations,
  worklistWindowDays,
  observationsToItems,
  patientReference,
  resolveStore,
  saveAlertActor,
  WORKLIST_LOOKBACK_DAYS,
  type StoreConfig,
  type WorklistPatientRef,
} from './store-actors.js';
