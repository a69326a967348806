def inner():
    yield 3
    yield 4
    return 'inner 完成'


def outer():
    yield 1
    # yield from 把 inner() 产出的值逐个交给调用者，结束时得到 inner() 的 return 值
    result = yield from inner()
    print('outer 收到:', result)
    yield 2


for value in outer():
    print(value)
