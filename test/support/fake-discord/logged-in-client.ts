/**
 * A fake Discord with a real discord.js client logged in to it, for tests that drive the client themselves. Kept out
 * of index.ts so that the fake itself does not depend on the library it is proved against.
 */
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { FAKE_TOKEN } from '../fake-token.js';
import { startFakeDiscord, type FakeDiscord } from './index.js';

/** A running fake Discord and a ready discord.js client logged in to it. */
export interface FakeDiscordWithClient {
  readonly fake: FakeDiscord;
  readonly client: Client;
  /** Destroys the client, then closes the fake. */
  readonly close: () => Promise<void>;
}

/** A plain client of the fake: the guilds intent only, REST at the fake's API URL. */
export function plainClientOptions(apiUrl: string): ClientOptions {
  return { intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } };
}

/**
 * Starts a fake Discord that takes the suite's bot token, and a client with the options `clientOptions` builds from
 * the fake's API URL, logged in with that token; resolves once the client is ready. If it cannot log in, both are closed.
 */
export async function startFakeDiscordWithClient(
  clientOptions: (apiUrl: string) => ClientOptions = plainClientOptions,
): Promise<FakeDiscordWithClient> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN });
  let client: Client | undefined;
  const close = async (): Promise<void> => {
    await client?.destroy();
    await fake.close();
  };
  try {
    const started = new Client(clientOptions(fake.apiUrl));
    client = started;
    const ready = new Promise<void>((resolve) => started.once(Events.ClientReady, () => resolve()));
    await started.login(FAKE_TOKEN);
    await ready;
    return { fake, client: started, close };
  } catch (error) {
    await close();
    throw error;
  }
}
