console.log("syncwire cli")
