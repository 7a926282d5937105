// SigV4: the AWS test suite's post-vanilla vector, and agreement with the SDK's own signer for DynamoDB requests.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { amzDate, jsonRequestSigner, signRequest } from '../../functions/store/sigv4.ts';

const EXAMPLE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const AT = Date.UTC(2015, 7, 30, 12, 36, 0);

const bytes = (d: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

/** node:crypto behind the Checksum interface the SDK signer takes. */
class Sha256 {
  private h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.h = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
  reset(): void {}
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** The SDK's own signer on a DynamoDB POST (the reference both signers must agree with). */
const sdkSign = (credentials: Credentials, headers: Record<string, string>, body: string, at: number) =>
  new SignatureV4({
    credentials,
    region: 'ap-southeast-3',
    service: 'dynamodb',
    sha256: Sha256,
    applyChecksum: false,
  }).sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: headers.host as string,
      path: '/',
      headers: { ...headers },
      body,
      query: {},
    },
    { signingDate: new Date(at) },
  );

describe('signRequest', () => {
  it('matches the AWS SigV4 test suite (post-vanilla)', () => {
    const h = signRequest({
      method: 'POST',
      path: '/',
      headers: { host: 'example.amazonaws.com' },
      body: '',
      region: 'us-east-1',
      service: 'service',
      credentials: EXAMPLE,
      at: AT,
    });
    expect(h['x-amz-date']).toBe('20150830T123600Z');
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    );
  });

  it.each<[string, Credentials]>([
    ['without a session token', EXAMPLE],
    [
      'with a session token (Lambda role credentials)',
      { ...EXAMPLE, sessionToken: 'FQoGZXIvYXdzEXAMPLE//token+/=' },
    ],
  ])('agrees with @smithy/signature-v4 on a DynamoDB PutItem %s', async (_, credentials) => {
    const body = JSON.stringify({ TableName: 't', Item: { PK: { S: 'A#1' }, SK: { S: 'Ü  x' } } });
    const base = {
      host: 'dynamodb.ap-southeast-3.amazonaws.com',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.PutItem',
    };
    // The same key is derived again on a later day: the cached key must not leak across days.
    for (const at of [AT, AT + 86_400_000]) {
      const ours = signRequest({
        method: 'POST',
        path: '/',
        headers: base,
        body,
        region: 'ap-southeast-3',
        service: 'dynamodb',
        credentials,
        at,
      });
      const sdk = await sdkSign(credentials, base, body, at);
      expect(ours.authorization).toBe(sdk.headers.authorization);
      expect(ours['x-amz-date']).toBe(amzDate(at));
      expect(ours['x-amz-security-token']).toBe(credentials.sessionToken);
    }
  });

  it.each<[string, Credentials]>([
    ['without a session token', EXAMPLE],
    ['with a session token', { ...EXAMPLE, sessionToken: 'FQoGZXIvYXdzEXAMPLE//token+/=' }],
  ])("jsonRequestSigner (the client's) signs as @smithy/signature-v4 does, %s", async (_, credentials) => {
    const host = 'dynamodb.ap-southeast-3.amazonaws.com';
    const sign = jsonRequestSigner(host, 'application/x-amz-json-1.0', 'ap-southeast-3', 'dynamodb');
    // Two operations, a body with non-ASCII text, and a later day (the cached key and token line must follow).
    for (const [op, at] of [
      ['PutItem', AT],
      ['BatchGetItem', AT + 86_400_000],
      ['Query', AT + 86_400_000 + 1_234],
    ] as const) {
      const body = JSON.stringify({ TableName: 't', Key: { PK: { S: `A#${op}` }, SK: { S: 'Ü  x' } } });
      const raw = sign(`DynamoDB_20120810.${op}`, body, credentials, at);
      const ours: Record<string, string> = {};
      for (let i = 0; i < raw.length; i += 2) ours[raw[i] as string] = raw[i + 1] as string;
      const base = {
        host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${op}`,
      };
      const sdk = await sdkSign(credentials, base, body, at);
      expect(ours).toEqual({
        ...base,
        'x-amz-date': amzDate(at),
        ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
        authorization: sdk.headers.authorization,
      });
      // Each header once, names in lower case as node sends them.
      expect(raw.length / 2).toBe(Object.keys(ours).length);
    }
  });
});
