// A legevakt page that embeds the triage in iframe mode: the widget runs in a frame page on ANOTHER origin
// (the same dev server reached as `localhost` instead of `127.0.0.1`, or the other way round), and the two
// pages talk only through the documented postMessage contract.
import { embedTriage } from '@helsekit/triage/frame/frame-host';

const here = new URL(location.href);
const frameUrl = new URL('/triage-frame/', here);
frameUrl.hostname = here.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
frameUrl.searchParams.set('parent', here.origin);

const log = document.querySelector<HTMLOListElement>('#log')!;
function logLine(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString('nb-NO')} ${text}`;
  log.append(item);
}

document.querySelector('#frame-origin')!.textContent = `Rammen lastes fra ${frameUrl.origin}; denne siden er ${here.origin}.`;

embedTriage(document.querySelector<HTMLElement>('#triage-frame')!, {
  src: frameUrl.href,
  frameOrigin: frameUrl.origin,
  title: 'Legevakt: hva gjelder det?',
  lang: 'nb',
  onStepChange: ({ step, index, total }) => logLine(`hk:step-change ${step} ${index}/${total}`),
  onComplete: ({ disposition, bundle }) => logLine(`hk:complete ${disposition} (Bundle med ${bundle.entry?.length ?? 0} ressurser)`),
  onHandoff: ({ disposition }) => logLine(`hk:handoff ${disposition}`),
  onAnalytics: (analytics) => logLine(`hk:analytics ${JSON.stringify(analytics)}`),
  onError: ({ reason, message }) => logLine(`hk:error ${reason}: ${message}`),
});
