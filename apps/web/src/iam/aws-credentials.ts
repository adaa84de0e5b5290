/** Temporary AWS credentials, as STS answered them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** When they stop working, epoch milliseconds. */
  readonly expiresAt: number;
}
