// zod 4 probes `new Function('')` on the first object parse to decide whether to compile fast
// parsers. Under our CSP (no 'unsafe-eval') the probe fails harmlessly but the browser still reports
// a policy violation; switching the compiler off skips the probe. Imported first by app/providers.tsx.
import { z } from 'zod';

z.config({ jitless: true });
