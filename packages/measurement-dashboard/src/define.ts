// The only module in @helsekit/measurement-dashboard with a side effect: it registers both elements (and the
// base input primitives they render).
import '@helsekit/base/define';
import { HkClinicWorklist } from './clinic-worklist.element.js';
import { HkMeasurementDashboard } from './measurement-dashboard.element.js';

HkMeasurementDashboard.define('hk-measurement-dashboard');
HkClinicWorklist.define('hk-clinic-worklist');

declare global {
  interface HTMLElementTagNameMap {
    'hk-measurement-dashboard': HkMeasurementDashboard;
    'hk-clinic-worklist': HkClinicWorklist;
  }
}
