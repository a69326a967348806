def func_1():
    yield 1
    yield from func_2()
    yield 2

def func_2():
    yield 3
    yield 4

res = func_1()
for i in res:
    print(i)
