// The only module in @helsekit/triage with a side effect when imported: it registers <hk-triage>. The input
// primitives its question screens render are registered by `screens/question.screen.ts`, which the element
// loads on demand.
import { HkTriage } from './triage.element.js';

HkTriage.define('hk-triage');

declare global {
  interface HTMLElementTagNameMap {
    'hk-triage': HkTriage;
  }
}
