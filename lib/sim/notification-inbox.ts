// The simulated app's message inbox: fetch what the server has for the worker (newest first), "show"
// it, and acknowledge it, as a real phone does after a status read (issue 7).
export type DeviceCall = (
  token: string,
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: unknown }>;

function readIds(json: unknown): string[] {
  if (typeof json !== 'object' || json === null || !('items' in json) || !Array.isArray(json.items))
    return [];
  return json.items.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? [item.id] : [],
  );
}

/** Fetches one page and acknowledges it; returns how many messages were acknowledged (or the error status). */
export async function fetchAndAcknowledge(
  call: DeviceCall,
  token: string,
): Promise<{ status: number; acknowledged: number }> {
  const page = await call(token, 'GET', '/api/v1/device/notifications?limit=50');
  if (page.status !== 200) return { status: page.status, acknowledged: 0 };
  const ids = readIds(page.json);
  if (!ids.length) return { status: 200, acknowledged: 0 };
  const ack = await call(token, 'POST', '/api/v1/device/notifications/ack', { ids });
  return { status: ack.status, acknowledged: ack.status === 200 ? ids.length : 0 };
}
