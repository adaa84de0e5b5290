/**
 * This file was generated from openapi.yaml by scripts/generate-operations.ts.
 * Do not make direct changes to the file: run `pnpm generate`.
 */

export const operations = [
  {
    "operationId": "listPets",
    "method": "GET",
    "path": "/pets",
    "permissions": [
      "read:pets"
    ]
  },
  {
    "operationId": "createPet",
    "method": "POST",
    "path": "/pets",
    "permissions": [
      "create:pets"
    ]
  },
  {
    "operationId": "getPet",
    "method": "GET",
    "path": "/pets/{petId}",
    "permissions": [
      "read:pets"
    ]
  },
  {
    "operationId": "deletePet",
    "method": "DELETE",
    "path": "/pets/{petId}",
    "permissions": [
      "delete:pets"
    ]
  },
  {
    "operationId": "purchasePet",
    "method": "POST",
    "path": "/pets/{petId}/purchase",
    "permissions": [
      "purchase:pets"
    ]
  },
  {
    "operationId": "getMe",
    "method": "GET",
    "path": "/me",
    "permissions": [
      "read:pets"
    ]
  }
] as const;
