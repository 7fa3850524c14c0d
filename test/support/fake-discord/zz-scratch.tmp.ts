import { AttachmentBuilder, ChannelType, Client, Events, GatewayIntentBits, MessageFlags, ModalBuilder, ActionRowBuilder, TextInputBuilder, TextInputStyle, type TextChannel } from 'discord.js';
import { startFakeDiscord } from './index.js';

const t0 = Date.now();
const log = (...a: unknown[]) => console.log(`[${Date.now() - t0}ms]`, ...a);
const fake = await startFakeDiscord({ token: 'fake-token' });
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
const errors: unknown[] = [];
client.on(Events.InteractionCreate, (i) => void (async () => {
  if (i.isChatInputCommand() && i.commandName === 'wr') {
    const r = await i.reply({ content: 'with response', withResponse: true });
    log('withResponse message', r.resource?.message?.content, r.interaction.responseMessageId, r.resource?.type);
    const f = await i.followUp({ content: 'secret', flags: MessageFlags.Ephemeral });
    await i.editReply({ message: f.id, content: 'secret edited' });
    const fetched = await i.fetchReply();
    log('fetched', fetched.content);
    await i.deleteReply();
  }
  if (i.isChatInputCommand() && i.commandName === 'modal') {
    await i.showModal(new ModalBuilder().setCustomId('m').setTitle('T').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('q').setLabel('Q').setStyle(TextInputStyle.Short))));
  }
  if (i.isModalSubmit()) await i.reply({ content: `got ${i.fields.getTextInputValue('q')}` });
  if (i.isStringSelectMenu()) await i.deferUpdate().then(() => i.editReply({ content: `chose ${i.values.join()}` }));
  if (i.isChatInputCommand() && i.commandName === 'dm') await i.reply({ content: `dm ${i.inGuild()} ${i.channelId}` });
})().catch((e) => errors.push(e)));
const ready = new Promise<void>((r) => client.once(Events.ClientReady, () => r()));
await client.login('fake-token');
await ready;
log('ready', fake.gatewayStats.heartbeatCount, 'heartbeats');

let h = fake.sendInteraction(fake.chatInput({ name: 'wr' }));
await h.waitForResponse((r) => r.original?.deleted === true);
log('wr record', h.record.callbacks.map(c => [c.type, c.withResponse]), h.record.followUps.map(f => [f.content, f.flags]));

h = fake.sendInteraction(fake.chatInput({ name: 'modal' }));
log('modal cb', (await h.waitForCallback()).data);
h = fake.sendInteraction(fake.modalSubmit({ customId: 'm', fields: { q: 'hello' } }));
log('modal submit', (await h.waitForCallback()).data);
h = fake.sendInteraction(fake.button({ customId: 'sel', componentType: 3, values: ['a', 'b'] }));
await h.waitForResponse((r) => r.original?.content === 'chose a,b');
log('select', h.record.callbacks.map(c => c.type), h.record.original?.content);
h = fake.sendInteraction(fake.chatInput({ name: 'dm', channelType: 1 }));
log('dm', (await h.waitForCallback()).data);
h = fake.sendInteraction(fake.chatInput({ name: 'dm', channelType: 11 }));
log('thread', (await h.waitForCallback()).data);

const channel = client.channels.cache.get(fake.world.channelId) as TextChannel;
const msg = await channel.send({ content: 'file', files: [new AttachmentBuilder(Buffer.from('hello world'), { name: 'a.txt' })] });
log('sent msg', msg.id, fake.requests.at(-1)?.files, fake.requests.at(-1)?.body);
await msg.edit('edited'); await msg.pin(); 
const thread = await msg.startThread({ name: 'from message' });
log('thread from message', thread.id === msg.id, thread.type);
const t2 = await channel.threads.create({ name: 'study', type: ChannelType.PublicThread });
await t2.send('in thread');
await t2.setArchived(true); await t2.setLocked(true);
log('thread meta', fake.state.channels.get(t2.id)?.channel.thread_metadata);
await msg.delete();
log('channel msgs', fake.channelMessages().map(m => [m.source, m.content, m.deleted, m.pinned]));

fake.failNext({ method: 'PUT', path: /commands$/, status: 500 });
fake.failNext({ method: 'PUT', path: /commands$/, status: 502 });
await client.application!.commands.set([{ name: 'x', description: 'y' }]);
log('500/502 retried; global puts', fake.commandPutCount(), fake.requests.slice(-3).map(r => r.status));
try { await client.application!.commands.set([{ name: 'Bad Name', description: 'y' }]); } catch (e) { log('invalid cmd', (e as Error).message); }

fake.delayNext({ path: /callback$/, ms: 700 });
h = fake.sendInteraction(fake.chatInput({ name: 'ping-none' }));
try { await h.waitForCallback({ timeoutMs: 300 }); } catch (e) { log('timeout msg:\n', (e as Error).message); }

try { await client.rest.get('/nope'); } catch (e) { log('unknown', (e as Error).message, fake.unknownRequests().map(r => r.path)); }

fake.requestReconnect();
await new Promise((r) => setTimeout(r, 50));
await fake.waitForReady();
log('after op7', fake.resumeCount, fake.identifyCount, fake.connectionCount);
fake.invalidateSession(true);
await new Promise((r) => setTimeout(r, 50));
await fake.waitForReady();
log('after op9 true', fake.resumeCount, fake.identifyCount, fake.connectionCount);
await fake.dropGateway({ abrupt: true });
await fake.waitForReady();
log('after abrupt', fake.resumeCount, fake.identifyCount, fake.connectionCount);
fake.invalidateSession(false);
await fake.waitForReady({ timeoutMs: 10000 });
log('after op9 false', fake.resumeCount, fake.identifyCount, fake.connectionCount);
h = fake.sendInteraction(fake.chatInput({ name: 'dm' }));
log('after reidentify', (await h.waitForCallback()).data);
log('errors', errors, fake.errors);
await client.destroy();
await fake.close();
log('closed');
