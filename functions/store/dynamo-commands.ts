// The DynamoDB operations the store sends through its lean client, typed with the SDK's (type-only) shapes.
import type {
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  BatchWriteItemCommandInput,
  BatchWriteItemCommandOutput,
  CreateTableCommandInput,
  CreateTableCommandOutput,
  DeleteItemCommandInput,
  DeleteItemCommandOutput,
  DescribeTableCommandInput,
  DescribeTableCommandOutput,
  GetItemCommandInput,
  GetItemCommandOutput,
  PutItemCommandInput,
  PutItemCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  UpdateItemCommandInput,
  UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';

/** One request: the operation's name (the `X-Amz-Target` suffix) and its JSON input. */
export interface DynamoCommand<I, O> {
  readonly op: string;
  readonly input: I;
  /** Type-level only: what the operation answers. */
  readonly output?: O;
}

type Out<T> = Omit<T, '$metadata'>;

/** A class per operation (so tests can match calls with `instanceof`, as aws-sdk-client-mock does). */
const command = <I, O>(op: string) =>
  class implements DynamoCommand<I, O> {
    readonly op = op;
    readonly input: I;
    declare readonly output?: O;
    constructor(input: I) {
      this.input = input;
    }
  };

export const GetItemCommand = command<GetItemCommandInput, Out<GetItemCommandOutput>>('GetItem');
export const PutItemCommand = command<PutItemCommandInput, Out<PutItemCommandOutput>>('PutItem');
export const UpdateItemCommand = command<UpdateItemCommandInput, Out<UpdateItemCommandOutput>>('UpdateItem');
export const DeleteItemCommand = command<DeleteItemCommandInput, Out<DeleteItemCommandOutput>>('DeleteItem');
export const QueryCommand = command<QueryCommandInput, Out<QueryCommandOutput>>('Query');
export const BatchGetItemCommand = command<BatchGetItemCommandInput, Out<BatchGetItemCommandOutput>>(
  'BatchGetItem',
);
export const BatchWriteItemCommand = command<BatchWriteItemCommandInput, Out<BatchWriteItemCommandOutput>>(
  'BatchWriteItem',
);
export const DescribeTableCommand = command<DescribeTableCommandInput, Out<DescribeTableCommandOutput>>(
  'DescribeTable',
);
export const CreateTableCommand = command<CreateTableCommandInput, Out<CreateTableCommandOutput>>(
  'CreateTable',
);
