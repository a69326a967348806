def inner():
    yield 3
    yield 4
    return 'inner 完成'


def outer():
    yield 1
    # Mistake: calling a generator function only creates a generator; nothing inside it runs.
    result = inner()
    print('outer 收到:', result)
    yield 2


for value in outer():
    print(value)
