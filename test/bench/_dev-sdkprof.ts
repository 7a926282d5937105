import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startEmbeddedStore } from '../../functions/local/embedded-store.ts';
import { clientsFor } from '../../functions/store/clients.ts';

const st = await startEmbeddedStore({});
const { dynamo } = clientsFor(st.config);
let n = 0;
const end = performance.now() + 8000;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (performance.now() < end) {
      const i = ++n;
      await dynamo.send(
        new PutItemCommand({
          TableName: st.config.tableName,
          Item: {
            PK: { S: `P${i % 100}` },
            SK: { S: `S${i}` },
            step: { S: '{"type":"answered","itemId":"x","choice":"a"}' },
          },
          ConditionExpression: 'attribute_not_exists(#sk)',
          ExpressionAttributeNames: { '#sk': 'SK' },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
    }
  }),
);
console.log('puts/s', n / 8);
await st.stop();
process.exit(0);
