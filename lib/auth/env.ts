// Environment variables as the config readers take them (tests pass plain objects).
import 'server-only';
export type EnvVars = Readonly<Record<string, string | undefined>>;
