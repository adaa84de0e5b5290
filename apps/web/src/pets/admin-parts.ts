/**
 * What only admins see: the add form (with the price rules), the removal question and the sales
 * view. One chunk, loaded on demand when the screen shows an admin, so buyers never download it
 * and it is not part of the initial JavaScript (`scripts/bundle-size.ts`).
 */
export { SalesPanel } from '../sales/sales-panel';
export { AddPetForm } from './add-pet-form';
export { RemovalDialog } from './removal-dialog';
