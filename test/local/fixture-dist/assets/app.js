// web/dist stand-in for test/local/server.test.ts: fixture
