import asyncio


async def func(name):
    print(f'{name}: 开始')
    await asyncio.sleep(2)
    print(f'{name}: 完成')
    return f'{name} 的结果'


async def main():
    print('main 开始')
    # Mistake: awaiting a coroutine runs it to the end before the next line starts.
    r1 = await func('任务1')
    r2 = await func('任务2')
    print(r1, r2)
    print('main 结束')


asyncio.run(main())
