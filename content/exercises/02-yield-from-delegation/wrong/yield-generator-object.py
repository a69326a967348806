def inner():
    yield 3
    yield 4
    return 'inner 完成'


def outer():
    yield 1
    # Mistake: `yield` hands over the generator object itself instead of delegating to it.
    result = yield inner()
    print('outer 收到:', result)
    yield 2


for value in outer():
    print(value)
