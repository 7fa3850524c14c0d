import { type Route, type RouteContext, type RouteResult, reply, route } from './http.js';
import { applyMessageFields, type FakeState } from './state.js';
import type { InteractionRecord, JsonObject, JsonValue, RecordedMessage, SentMessageFields } from './types.js';
import { apiMessage } from './world.js';

const COMPONENTS_V2 = 1 << 15;
/** Callback types Discord accepts for each interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const ALLOWED_CALLBACKS: Readonly<Record<number, readonly number[]>> = {
  2: [4, 5, 9, 10],
  3: [4, 5, 6, 7, 9, 10],
  4: [8],
  5: [4, 5, 6, 7],
};

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const formError = (problem: string): RouteResult =>
  reply.error(400, 50035, 'Invalid Form Body', { _errors: [{ code: 'INVALID', message: problem }] });

/** True when a message would show nothing, which Discord refuses with 50006. */
function isEmpty(message: SentMessageFields): boolean {
  if (((message.flags ?? 0) & COMPONENTS_V2) !== 0) return (message.components ?? []).length === 0;
  return !message.content && !message.embeds?.length && !message.components?.length && !message.attachments?.length;
}

const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

/** Discord's embed limits: 4096 per description, 25 fields of at most 1024, 6000 characters in all of a message's embeds. */
function embedProblem(embeds: readonly JsonValue[]): RouteResult | null {
  let total = 0;
  for (const embed of embeds.filter(isObject)) {
    const fields = Array.isArray(embed['fields']) ? embed['fields'].filter(isObject) : [];
    if (text(embed['description']).length > 4096)
      return formError('embeds.description: Must be 4096 or fewer in length.');
    if (text(embed['title']).length > 256) return formError('embeds.title: Must be 256 or fewer in length.');
    if (fields.length > 25) return formError('embeds.fields: Must be 25 or fewer in length.');
    if (fields.some((field) => text(field['value']).length > 1024))
      return formError('embeds.fields.value: Must be 1024 or fewer in length.');
    const author = isObject(embed['author']) ? text(embed['author']['name']) : '';
    const footer = isObject(embed['footer']) ? text(embed['footer']['text']) : '';
    total += text(embed['title']).length + text(embed['description']).length + author.length + footer.length;
    total += fields.reduce((sum, field) => sum + text(field['name']).length + text(field['value']).length, 0);
  }
  return total > 6000 ? formError('embeds: Embed size exceeds maximum size of 6000') : null;
}

/** custom_ids of at most 100 characters, unique within a message, as Discord requires. */
function componentProblem(rows: readonly JsonValue[]): RouteResult | null {
  const ids = rows
    .filter(isObject)
    .flatMap((row) => (Array.isArray(row['components']) ? row['components'].filter(isObject) : []))
    .map((component) => text(component['custom_id']))
    .filter((id) => id !== '');
  if (ids.some((id) => id.length > 100)) return formError('components.custom_id: Must be 100 or fewer in length.');
  return new Set(ids).size === ids.length
    ? null
    : formError('components.custom_id: Component custom id cannot be duplicated');
}

/** The problem Discord would report for a message body (create, or the merged result of an edit), if any. */
export function messageProblem(merged: SentMessageFields): RouteResult | null {
  if (isEmpty(merged)) return reply.error(400, 50006, 'Cannot send an empty message');
  if ((merged.content?.length ?? 0) > 2000) return formError('content: Must be 2000 or fewer in length.');
  if ((merged.embeds?.length ?? 0) > 10) return formError('embeds: Must be 10 or fewer in length.');
  // Discord's spec allows 40 top-level components (a Components V2 message's); a classic message takes five rows.
  if (((merged.flags ?? 0) & COMPONENTS_V2) === 0 && (merged.components?.length ?? 0) > 5)
    return formError('components: Must be 5 or fewer in length.');
  return embedProblem(merged.embeds ?? []) ?? componentProblem(merged.components ?? []);
}

/** The problem with a create body, if any. */
export function createProblem(body: JsonObject): RouteResult | null {
  const fields: SentMessageFields = {};
  applyMessageFields(fields, body, false);
  return messageProblem(fields);
}

/** The problem with an edit, judged on the merged result as Discord does, if any. */
export function editProblem(message: RecordedMessage, body: JsonObject): RouteResult | null {
  const copy: SentMessageFields = { ...message };
  applyMessageFields(copy, body, true);
  return messageProblem(copy);
}

/** The channel an interaction happened in. */
function channelOf(state: FakeState, record: InteractionRecord): string {
  const channel = record.payload.channel;
  if (isObject(channel) && typeof channel.id === 'string') return channel.id;
  return typeof record.payload.channel_id === 'string' ? record.payload.channel_id : state.world.channelId;
}

/** Validates a callback against the interaction's type and the callback's own rules. */
function callbackProblem(
  record: InteractionRecord,
  type: JsonValue | undefined,
  data: JsonObject | undefined,
): RouteResult | null {
  if (typeof type !== 'number' || !(ALLOWED_CALLBACKS[record.type] ?? []).includes(type)) {
    return formError(`type: callback type ${JSON.stringify(type)} is not valid for interaction type ${record.type}`);
  }
  if (type === 4) return createProblem(data ?? {});
  if (type === 8 && (!Array.isArray(data?.choices) || data.choices.length > 25))
    return formError('data.choices: Must be 25 or fewer in length.');
  if (
    type === 9 &&
    (typeof data?.custom_id !== 'string' || typeof data.title !== 'string' || !Array.isArray(data.components))
  ) {
    return formError('data: a modal needs custom_id, title and components');
  }
  return null;
}

/** Interaction callbacks and the interaction webhook (edit/fetch/delete the original, follow-ups). */
export function interactionRoutes(state: FakeState): Route[] {
  const { world } = state;
  const render = (record: InteractionRecord, message: RecordedMessage): RouteResult =>
    reply.json(apiMessage(world, message, record.payload));

  const callback = (context: RouteContext): RouteResult => {
    const at = Date.now();
    const record = state.interactions.get(context.param('id'));
    if (!record || record.token !== context.param('token')) return reply.error(404, 10062, 'Unknown interaction');
    const refuse = (result: RouteResult): RouteResult => {
      const code = isObject(result.body) && typeof result.body.code === 'number' ? result.body.code : 0;
      record.rejectedCallbacks.push({ at, status: result.status, code, body: context.request.body });
      return result;
    };
    if (record.callbacks.length > 0)
      return refuse(reply.error(400, 40060, 'Interaction has already been acknowledged.'));
    const type = context.body.type;
    const data = isObject(context.body.data) ? context.body.data : undefined;
    const problem = callbackProblem(record, type, data);
    if (problem || typeof type !== 'number') return refuse(problem ?? formError('type'));
    const channelId = channelOf(state, record);
    if (type === 4) record.original = state.createMessage(channelId, data ?? {}, 'interaction', record.id);
    if (type === 5) record.original = state.createMessage(channelId, data ?? {}, 'interaction', record.id, true);
    if (type === 6 || type === 7) {
      // Deferred update / update act on the message the component sits on, which then is "@original".
      const base = isObject(record.payload.message) ? record.payload.message : { channel_id: channelId };
      record.original = state.adoptMessage(base, record.id);
      if (type === 7) state.editMessage(record.original, data ?? {});
    }
    const withResponse = context.request.query.with_response === 'true';
    record.callbacks.push({ type, data, withResponse, at, sinceDispatchMs: at - record.dispatchedAt });
    if (!withResponse) return reply.noContent();
    // The documented InteractionCallbackResponse; discord.js only asks for it when a handler passes `withResponse: true`.
    const original = type === 4 || type === 5 || type === 7 ? record.original : null;
    const interaction: JsonObject = { id: record.id, type: record.type };
    if (original) {
      Object.assign(interaction, {
        response_message_id: original.id,
        response_message_loading: original.loading,
        response_message_ephemeral: ((original.flags ?? 0) & 64) !== 0,
      });
    }
    const resource: JsonObject = { type };
    if (original) resource.message = apiMessage(world, original, record.payload);
    return reply.json({ interaction, resource });
  };

  // Resolves the interaction behind a webhook; it only exists once the interaction was acknowledged.
  const webhook = (context: RouteContext): InteractionRecord | RouteResult => {
    const record =
      context.param('app') === world.applicationId ? state.interactionByToken(context.param('token')) : undefined;
    return record && record.callbacks.length > 0 ? record : reply.error(404, 10015, 'Unknown Webhook');
  };
  const withMessage = (
    context: RouteContext,
    then: (record: InteractionRecord, message: RecordedMessage) => RouteResult,
  ): RouteResult => {
    const record = webhook(context);
    if ('status' in record) return record;
    const id = context.param('message');
    const message =
      id === '@original'
        ? record.original
        : [record.original, ...record.followUps].find((candidate) => candidate?.id === id);
    return message && !message.deleted ? then(record, message) : reply.error(404, 10008, 'Unknown Message');
  };

  return [
    route('POST', '/interactions/:id/:token/callback', callback, false),
    route('GET', '/webhooks/:app/:token/messages/:message', (context) => withMessage(context, render), false),
    route(
      'PATCH',
      '/webhooks/:app/:token/messages/:message',
      (context) =>
        withMessage(context, (record, message) => {
          const problem = editProblem(message, context.body);
          if (problem) return problem;
          state.editMessage(message, context.body);
          return render(record, message);
        }),
      false,
    ),
    route(
      'DELETE',
      '/webhooks/:app/:token/messages/:message',
      (context) =>
        withMessage(context, (_record, message) => {
          message.deleted = true;
          return reply.noContent();
        }),
      false,
    ),
    route(
      'POST',
      '/webhooks/:app/:token',
      (context) => {
        const record = webhook(context);
        if ('status' in record) return record;
        const problem = createProblem(context.body);
        if (problem) return problem;
        const message = state.createMessage(channelOf(state, record), context.body, 'follow-up', record.id);
        record.followUps.push(message);
        return context.request.query.wait === 'true' ? render(record, message) : reply.noContent();
      },
      false,
    ),
  ];
}
