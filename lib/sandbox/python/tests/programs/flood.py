while True:
    print("flood")
