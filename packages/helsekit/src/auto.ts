// The self-registering module for <script type="module" src=".../helsekit.js">. One loader per tag; tags
// that share a module share its chunk.
import { autoload } from './autoloader.js';

const base = () => import('@helsekit/base/define');
const dashboard = () => import('@helsekit/measurement-dashboard/define');

autoload({
  'hk-provider': base,
  'hk-choice-group': base,
  'hk-yes-no': base,
  'hk-number-input': base,
  'hk-date-input': base,
  'hk-triage': () => import('@helsekit/triage/define'),
  'hk-health-form': () => import('@helsekit/health-form/define'),
  'hk-measurement-dashboard': dashboard,
  'hk-clinic-worklist': dashboard,
});
