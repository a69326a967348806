def inner():
    yield 3
    yield 4
    return 'inner 完成'


def outer():
    yield 1
    # TODO: 把 inner() 产出的每个值原样交给调用者，并拿到 inner() 的返回值
    result = None
    print('outer 收到:', result)
    yield 2


for value in outer():
    print(value)
