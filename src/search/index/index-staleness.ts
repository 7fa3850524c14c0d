import type { Manifest } from './index-manifest.js';
import { INDEX_FORMAT_VERSION } from './index-manifest.js';
import type { TransformersEmbedder } from '../adapters/transformers-embedder.js';
import { DEFAULT_EXPANSION } from '../lexicon/expansion-settings.js';
import { ALL_FEATURES } from '../lexicon/lexicon.js';
import { DEFAULT_CHUNKING } from '../chunking/chunk-speech.js';

/**
 * What a build made now would record: the text's hash, the loaded model (if any), the WordNet release and the lexicon
 * builder's fingerprint. The caller reads them (files, hashes), so that the rules stay pure.
 */
export interface CurrentBuild {
  readonly speechSha256: string;
  readonly wordnetVersion: string;
  readonly embedder: Pick<TransformersEmbedder, 'source' | 'dimension'> | undefined;
  readonly lexiconBuilder: string;
}

/**
 * Why a manifest does not describe what would be built now, or undefined when it does: each rule is a reason to
 * rebuild, said in words a person running the bot understands.
 */
export function staleness(manifest: Manifest, current: CurrentBuild): string | undefined {
  const { embedder, lexiconBuilder } = current;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION)
    return `the index format is ${manifest.formatVersion}, this version reads ${INDEX_FORMAT_VERSION}`;
  if (manifest.source.sha256 !== current.speechSha256) return 'the speech text has changed since the index was built';
  if (
    manifest.chunking.maxSentences !== DEFAULT_CHUNKING.maxSentences ||
    manifest.chunking.maxTokens !== DEFAULT_CHUNKING.maxTokens
  ) {
    return 'the chunking settings have changed';
  }
  const lexicon = manifest.lexicon;
  if (lexicon.wordnet !== current.wordnetVersion)
    return `the index was built with ${lexicon.wordnet ?? 'no WordNet'}; this version uses ${current.wordnetVersion}`;
  if (
    JSON.stringify(lexicon.features) !== JSON.stringify(ALL_FEATURES) ||
    JSON.stringify(lexicon.settings) !== JSON.stringify(DEFAULT_EXPANSION)
  ) {
    return 'the WordNet expansion settings have changed';
  }
  if (lexicon.builder !== lexiconBuilder) return 'the code or data that builds the WordNet lexicon has changed';
  if (!embedder) return undefined;
  if (!manifest.model) return `the index is lexical-only and the model ${embedder.source.model} is now available`;
  if (manifest.model.id !== embedder.source.model)
    return `the index was built with ${manifest.model.id}; EMBEDDING_MODEL is ${embedder.source.model}`;
  if (manifest.model.quantized !== embedder.source.quantized || manifest.model.dimension !== embedder.dimension) {
    return `the model's variant or dimension differs from the one the index was built with`;
  }
  return undefined;
}
