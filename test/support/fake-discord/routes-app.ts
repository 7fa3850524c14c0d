import { type Route, type RouteContext, type RouteResult, reply, route } from './http.js';
import type { FakeState } from './state.js';
import type { JsonObject, JsonValue } from './types.js';
import { botUser, snowflake } from './world.js';

/** Discord's rule for chat-input command and option names (lowercase where the script has case). */
const CHAT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Checks a list of command options the way Discord rejects them; returns the first problem. */
function optionProblem(options: JsonValue | undefined, where: string): string | null {
  if (options === undefined) return null;
  if (!Array.isArray(options) || options.length > 25) return `${where}: options must be a list of at most 25`;
  const names = new Set<string>();
  let optionalSeen = false;
  for (const [index, option] of options.entries()) {
    if (typeof option !== 'object' || option === null || Array.isArray(option))
      return `${where}[${index}]: not an object`;
    const name = option.name;
    if (typeof name !== 'string' || !CHAT_NAME.test(name) || name !== name.toLowerCase())
      return `${where}[${index}]: bad name ${JSON.stringify(name)}`;
    if (names.has(name)) return `${where}[${index}]: duplicate name ${name}`;
    names.add(name);
    const description = option.description;
    if (typeof description !== 'string' || description.length < 1 || description.length > 100)
      return `${where}[${index}]: description must be 1-100 characters`;
    if (Array.isArray(option.choices) && option.choices.length > 25) return `${where}[${index}]: more than 25 choices`;
    if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0)
      return `${where}[${index}]: autocomplete cannot be set with choices`;
    if (option.required === true && optionalSeen)
      return `${where}[${index}]: required options must come before optional ones`;
    if (option.required !== true && option.type !== 1 && option.type !== 2) optionalSeen = true;
    const nested = optionProblem(option.options, `${where}[${index}].options`);
    if (nested) return nested;
  }
  return null;
}

/** Checks one command body; returns the first problem, as Discord's 50035 Invalid Form Body would. */
function commandProblem(body: JsonValue): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'command is not an object';
  const type = body.type ?? 1;
  const name = body.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) return 'name must be 1-32 characters';
  if (type === 1) {
    if (!CHAT_NAME.test(name) || name !== name.toLowerCase()) return `bad chat-input name ${JSON.stringify(name)}`;
    const description = body.description;
    if (typeof description !== 'string' || description.length < 1 || description.length > 100)
      return `${name}: description must be 1-100 characters`;
    return optionProblem(body.options, `${name}.options`);
  }
  return body.description === undefined || body.description === ''
    ? null
    : `${name}: context-menu commands take no description`;
}

/** The stored form of a command, keeping the id (and version, when unchanged) of the command it replaces. */
function storedCommand(
  state: FakeState,
  body: JsonObject,
  scope: string,
  previous: JsonObject | undefined,
): JsonObject {
  const command: JsonObject = {
    application_id: state.world.applicationId,
    type: body.type ?? 1,
    name: body.name ?? '',
    name_localizations: body.name_localizations ?? null,
    description: body.description ?? '',
    description_localizations: body.description_localizations ?? null,
    default_member_permissions: body.default_member_permissions ?? null,
    nsfw: body.nsfw ?? false,
    integration_types: body.integration_types ?? [0],
    contexts: body.contexts ?? null,
  };
  if (scope === 'global') command.dm_permission = body.dm_permission ?? true;
  else command.guild_id = scope;
  if (body.options !== undefined) command.options = body.options;
  const unchanged =
    previous !== undefined &&
    JSON.stringify({ ...previous, id: null, version: null }) ===
      JSON.stringify({ ...command, id: null, version: null });
  return {
    ...command,
    id: previous?.id ?? snowflake(),
    version: unchanged && previous ? (previous.version ?? snowflake()) : snowflake(),
  };
}

const invalid = (problem: string): RouteResult =>
  reply.error(400, 50035, 'Invalid Form Body', { _errors: [{ code: 'INVALID', message: problem }] });
const sameCommand = (a: JsonObject, b: JsonObject): boolean => a.name === b.name && (a.type ?? 1) === (b.type ?? 1);

/** Application routes: gateway discovery, the bot's user and application, and command registration at both scopes. */
export function appRoutes(state: FakeState, gatewayUrl: () => string): Route[] {
  const { world } = state;
  // Resolves the scope of a commands route, refusing other applications and guilds the bot is not in.
  const scopeOf = (context: RouteContext, guild: boolean): string | RouteResult => {
    if (context.param('app') !== world.applicationId) return reply.error(403, 50001, 'Missing Access');
    if (!guild) return 'global';
    return context.param('guild') === world.guildId ? world.guildId : reply.error(403, 50001, 'Missing Access');
  };
  const list = (scope: string): JsonObject[] => state.commands.get(scope) ?? [];
  const commandRoutes = (base: string, guild: boolean): Route[] => [
    route('GET', base, (context) => {
      const scope = scopeOf(context, guild);
      return typeof scope === 'string' ? reply.json(list(scope)) : scope;
    }),
    route('PUT', base, (context) => {
      const scope = scopeOf(context, guild);
      if (typeof scope !== 'string') return scope;
      const bodies = context.request.body;
      if (!Array.isArray(bodies) || bodies.length > 100) return invalid('body must be a list of at most 100 commands');
      for (const [index, body] of bodies.entries()) {
        const problem = commandProblem(body);
        if (problem) return invalid(`[${index}] ${problem}`);
        if (bodies.slice(0, index).some((other) => sameCommand(other as JsonObject, body as JsonObject)))
          return invalid(`[${index}] duplicate command name`);
      }
      const previous = list(scope);
      const next = bodies.map((body) =>
        storedCommand(
          state,
          body as JsonObject,
          scope,
          previous.find((old) => sameCommand(old, body as JsonObject)),
        ),
      );
      state.commands.set(scope, next);
      state.commandPuts.set(scope, (state.commandPuts.get(scope) ?? 0) + 1);
      return reply.json(next);
    }),
    route('POST', base, (context) => {
      const scope = scopeOf(context, guild);
      if (typeof scope !== 'string') return scope;
      const problem = commandProblem(context.request.body ?? null);
      if (problem) return invalid(problem);
      const commands = list(scope);
      const index = commands.findIndex((old) => sameCommand(old, context.body));
      const command = storedCommand(state, context.body, scope, commands[index]);
      state.commands.set(
        scope,
        index < 0 ? [...commands, command] : commands.map((old, at) => (at === index ? command : old)),
      );
      return reply.json(command, index < 0 ? 201 : 200);
    }),
    route('GET', `${base}/:command`, (context) => single(context, guild, (command) => reply.json(command))),
    route('PATCH', `${base}/:command`, (context) =>
      single(context, guild, (command, scope) => {
        const merged = storedCommand(state, { ...command, ...context.body }, scope, command);
        state.commands.set(
          scope,
          list(scope).map((old) => (old.id === command.id ? merged : old)),
        );
        return reply.json(merged);
      }),
    ),
    route('DELETE', `${base}/:command`, (context) =>
      single(context, guild, (command, scope) => {
        state.commands.set(
          scope,
          list(scope).filter((old) => old.id !== command.id),
        );
        return reply.noContent();
      }),
    ),
  ];
  const single = (
    context: RouteContext,
    guild: boolean,
    then: (command: JsonObject, scope: string) => RouteResult,
  ): RouteResult => {
    const scope = scopeOf(context, guild);
    if (typeof scope !== 'string') return scope;
    const command = list(scope).find((candidate) => candidate.id === context.param('command'));
    return command ? then(command, scope) : reply.error(404, 10063, 'Unknown application command');
  };
  return [
    // discord.js appends `?v=10&encoding=json` (plus `&compress=zlib-stream` only when zlib-sync is installed).
    route('GET', '/gateway/bot', () =>
      reply.json({
        url: gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
    ),
    route('GET', '/gateway', () => reply.json({ url: gatewayUrl() })),
    route('GET', '/users/@me', () => reply.json(botUser(world))),
    route('GET', '/applications/@me', () =>
      reply.json({
        id: world.applicationId,
        name: world.botUsername,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        owner: {
          id: world.userId,
          username: world.username,
          discriminator: '0',
          global_name: world.username,
          avatar: null,
        },
        bot: botUser(world),
        approximate_guild_count: 1,
        install_params: null,
        integration_types_config: { '0': {} },
      }),
    ),
    ...commandRoutes('/applications/:app/commands', false),
    ...commandRoutes('/applications/:app/guilds/:guild/commands', true),
  ];
}
