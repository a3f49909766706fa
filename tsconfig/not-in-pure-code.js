// The target tsconfig/pure.json gives the protocol modules in pure code. It has no types, so an
// import of one fails to compile with "Could not find a declaration file for module '<name>'".
