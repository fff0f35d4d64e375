// The engine-dependent donor flows (flows.mjs) in Gecko: Debian's Firefox ESR, headless,
// through geckodriver. `tools/test.sh gecko`.
import { donorFlows } from './flows.mjs';

donorFlows('gecko');
