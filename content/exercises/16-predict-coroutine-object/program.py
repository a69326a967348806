import asyncio


async def func():
    print('func 内部')
    return 42


res = func()
print('协程对象已创建')
print(type(res).__name__)
value = asyncio.run(res)
print('返回值', value)
