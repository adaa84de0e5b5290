import type { SignIn } from './sign-in-steps';

/**
 * The demo users `token admin|buyer` signs in as: the seed file's first admin (database
 * connection) and a social user of the simulated "Amazon (demo)" connection.
 */
export const demoPersonas = {
  admin: {
    connection: 'database',
    email: 'admin@petstore.local',
    password: 'petstore-admin-demo',
  },
  buyer: { connection: 'social', name: 'Bea Buyer', email: 'bea.buyer@example.com' },
} as const satisfies Record<string, SignIn>;
