// The new-file template: a small architecture in house style that passes every rule, as a
// VS Code snippet (${1:shop} is a name the user tabs to; $0 where the cursor ends).
export const TEMPLATE = `architecture \${1:shop} "\${2:What it does}"

region \${3:us-east-1} {
  provider aws
  zones a, b, c
}

datastore \${4:orders}Db: postgres {
  instances 3 of m5.large
}

service \${4}Service {
  layer sal
  instances 3 of m5.large
  work 2ms
  owns \${4}Db
  call \${4}Db timeout 50ms retries 1
}

service frontend {
  layer edge
  instances 3 of c5.large
  work 1ms
  deadline 1s
  call \${4}Service timeout 200ms retries 1
}

scenario \${5:peak} {
  load \${6:500} rps into frontend for 60s
  warmup 5s
  chaos kill 1 of \${4}Service at 30s
}
$0`;
