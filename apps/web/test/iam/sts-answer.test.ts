import { describe, expect, it } from 'vitest';
import { credentialsOf, stsErrorOf } from '../../src/iam/sts-answer';

// The shapes of STS's answers (Query protocol, namespace https://sts.amazonaws.com/doc/2011-06-15/),
// as the STS API reference documents AssumeRoleWithWebIdentity and its errors.
const success = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>amazon-demo|bea</SubjectFromWebIdentityToken>
    <Audience>petstore-web</Audience>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/BuyerRole/amazon-demo=7Cbea</Arn>
      <AssumedRoleId>AROAEXAMPLEEXAMPLE12:amazon-demo=7Cbea</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>
      <Expiration>2026-12-01T15:00:00Z</Expiration>
      <AccessKeyId>ASIAEXAMPLEEXAMPLE12</AccessKeyId>
    </Credentials>
    <Provider>127.0.0.1:9000</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;

const accessDenied = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>AccessDenied</Code>
    <Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message>
  </Error>
  <RequestId>e8b4b7a4-0000-4000-8000-000000000000</RequestId>
</ErrorResponse>`;

describe('credentialsOf', () => {
  it('reads the credentials and their expiry from a namespaced success answer', () => {
    // Act / Assess
    expect(credentialsOf(success)).toEqual({
      accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'FwoGZXIvYXdzEXAMPLE',
      expiresAt: Date.UTC(2026, 11, 1, 15, 0, 0),
    });
  });

  it('has none for an answer missing a field, with a bad date, an error answer, or no XML', () => {
    // Act / Assess
    expect(credentialsOf(success.replace(/<SessionToken>.*<\/SessionToken>/, ''))).toBeUndefined();
    expect(credentialsOf(success.replace('2026-12-01T15:00:00Z', 'soon'))).toBeUndefined();
    expect(credentialsOf(accessDenied)).toBeUndefined();
    expect(credentialsOf('<html><body>Bad gateway')).toBeUndefined();
    expect(credentialsOf('')).toBeUndefined();
  });
});

describe('stsErrorOf', () => {
  it('reads the code and message of an error answer', () => {
    // Act / Assess
    expect(stsErrorOf(accessDenied)).toEqual({
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  it('has none for a body that is not an STS error', () => {
    // Act / Assess
    expect(stsErrorOf(success)).toBeUndefined();
    expect(stsErrorOf('{"message":"Internal server error"}')).toBeUndefined();
    expect(stsErrorOf('<Error><Code>NotInsideAnErrorResponse</Code></Error>')).toBeUndefined();
  });
});
