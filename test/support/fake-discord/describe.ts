import { maskInteractionTokens } from '../fake-token.js';
import type { FakeState } from './state.js';
import type { InteractionRecord, RecordedMessage, RecordedRequest } from './types.js';

/**
 * One line per request, with the interaction token masked so messages stay readable, and any other interaction token
 * masked too: a timeout error quoting a webhook path must not trip the suite's leak checks.
 */
export function describeRequests(requests: readonly RecordedRequest[], mask?: string): string[] {
  return requests.map((request) => {
    const path = maskInteractionTokens(mask ? request.path.replaceAll(mask, '<token>') : request.path);
    const fault = request.fault ? ` [${request.fault}]` : '';
    return `${request.method} ${path} → ${request.status || 'pending'}${fault}`;
  });
}

function describeMessage(message: RecordedMessage | null): object | null {
  if (!message) return null;
  const { id, content, embeds, components, flags, loading, deleted } = message;
  return { id, content, embeds: embeds?.length ?? 0, components: components?.length ?? 0, flags, loading, deleted };
}

/**
 * What the fake saw for an interaction, for timeout errors: callbacks, refused callbacks, the original response and
 * follow-ups, this interaction's REST calls, unknown routes anyone called, and crashes inside the fake.
 */
export function describeInteraction(state: FakeState, record: InteractionRecord): string {
  const data = record.payload.data;
  const name =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data.name ?? data.custom_id) : undefined;
  const summary = {
    callbacks: record.callbacks.map(({ type, data: sent, sinceDispatchMs }) => ({ type, data: sent, sinceDispatchMs })),
    rejectedCallbacks: record.rejectedCallbacks.map(({ status, code }) => ({ status, code })),
    original: describeMessage(record.original),
    followUps: record.followUps.map(describeMessage),
  };
  const mine = state.requests.filter(
    (request) => request.path.includes(record.id) || request.path.includes(record.token),
  );
  const unknown = state.requests.filter((request) => !request.matched);
  return [
    `interaction ${record.id} (type ${record.type}${name === undefined ? '' : ` ${JSON.stringify(name)}`}) received ${JSON.stringify(summary)}`,
    `its requests: ${JSON.stringify(describeRequests(mine, record.token))}`,
    `unknown requests: ${JSON.stringify(describeRequests(unknown))}`,
    ...(state.errors.length > 0 ? [`fake errors: ${JSON.stringify(state.errors)}`] : []),
  ].join('\n');
}
