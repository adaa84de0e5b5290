// The AWS SDK is pinned (the README's toolchain notes): its notice that later releases need
// Node.js 22 is noise in this project, which runs on Node.js 20. Imported first by the commands
// that use the SDK, before it loads; a value set by the developer stays.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
