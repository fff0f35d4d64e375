// The engine-dependent donor flows (flows.mjs) in WebKit: WebKitGTK's MiniBrowser through
// WebKitWebDriver, under Xvfb. `tools/test.sh webkit`.
import { donorFlows } from './flows.mjs';

donorFlows('webkit');
