export { anonymousViewer, asSeenBy, type Viewer } from './buyer-visibility';
export { type Buyer, newPet, type Pet, type PetType, sold } from './pet';
export type { PetPage, PetPageRequest, PetRepository } from './pet-repository';
export { createPetService, type PetService, type PetServiceOptions } from './pet-service';
