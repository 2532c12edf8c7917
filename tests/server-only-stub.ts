// Lets server modules be imported by vitest outside Next's bundler, where 'server-only' would throw.
export {};
