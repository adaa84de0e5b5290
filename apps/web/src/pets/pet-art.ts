import type { PetType } from '@petstore/api-contract/types';
import bird from './art/bird.svg?no-inline';
import cat from './art/cat.svg?no-inline';
import dog from './art/dog.svg?no-inline';
import fish from './art/fish.svg?no-inline';
import gecko from './art/gecko.svg?no-inline';

/**
 * The illustration of each pet type: an SVG file shipped with the app (`?no-inline`: a file of its
 * own under `assets/`, never a data URL in the JavaScript, so it costs the initial bundle only its
 * URL and loads when a card shows it). `Record` keeps it in step with the contract's enum.
 *
 * @example
 * <img src={petArt.dog} alt="" loading="lazy" />
 */
export const petArt: Record<PetType, string> = { dog, cat, fish, bird, gecko };
