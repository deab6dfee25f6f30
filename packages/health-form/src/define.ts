// The only module in @helsekit/health-form with a side effect: it registers <hk-health-form>.
import { HkHealthForm } from './health-form.element.js';

HkHealthForm.define('hk-health-form');

declare global {
  interface HTMLElementTagNameMap {
    'hk-health-form': HkHealthForm;
  }
}
