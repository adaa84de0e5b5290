import type { components, operations, paths } from './generated/schema';

export { errorCodeValues, permissionValues, petTypeValues } from './generated/schema';
export type { components, operations as OperationTypes, paths };

type Schemas = components['schemas'];
export type Pet = Schemas['Pet'];
export type NewPet = Schemas['NewPet'];
export type PetPage = Schemas['PetPage'];
export type PetType = Schemas['PetType'];
export type Buyer = Schemas['Buyer'];
export type Me = Schemas['Me'];
export type Permission = Schemas['Permission'];
export type Problem = Schemas['Problem'];
export type ErrorCode = Schemas['ErrorCode'];
