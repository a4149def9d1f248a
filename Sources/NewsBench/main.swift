print("newsbench: not built yet")
