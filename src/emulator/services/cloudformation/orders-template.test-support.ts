// A course-sized template (bus, two rules, function calling PutEvents, role, log group, DLQ, permission),
// parameterised so tests and the benchmark can change the function code and the first rule's source.
export function ordersTemplate(version: string, source = 'course.orders'): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: Orders pipeline
Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: !Sub 'orders-\${Stage}'
  Dlq:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: !If [IsProd, 1209600, 345600]
  AuditLog:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Join ['/', ['', course, !Ref AWS::StackName, audit]]
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub 'arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Timeout: 10
      Role: !GetAtt FnRole.Arn
      Environment:
        Variables:
          BUS: !Ref Bus
      Code:
        ZipFile: |
          const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');
          const events = new EventBridgeClient({});
          exports.handler = async (event) => {
            if (event.version === 'probe') return 'version ${version}';
            await events.send(new PutEventsCommand({ Entries: [{
              EventBusName: process.env.BUS, Source: 'course.billing', DetailType: 'OrderBilled',
              Detail: JSON.stringify({ orderId: event.detail.orderId, version: '${version}' }),
            }] }));
            return 'billed';
          };
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: events.amazonaws.com
      SourceArn: !GetAtt OrderRule.Arn
  OrderRule:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern:
        source: [${source}]
      Targets:
        - Id: fn
          Arn: !GetAtt Fn.Arn
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 }
          DeadLetterConfig: { Arn: !GetAtt Dlq.Arn }
  BilledRule:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern:
        source: [course.billing]
      Targets:
        - Id: audit
          Arn: !GetAtt AuditLog.Arn
        - Id: queue
          Arn: !GetAtt BilledQueue.Arn
  BilledQueue:
    Type: AWS::SQS::Queue
  ProdOnly:
    Type: AWS::SQS::Queue
    Condition: IsProd
Outputs:
  BusArn:
    Value: !GetAtt Bus.Arn
  FunctionName:
    Value: !Ref Fn
  Region:
    Value: !Sub '\${AWS::Region}/\${AWS::StackName}'
`;
}
