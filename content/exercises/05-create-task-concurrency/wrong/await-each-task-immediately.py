import asyncio


async def func(name):
    print(f'{name}: 开始')
    await asyncio.sleep(2)
    print(f'{name}: 完成')
    return f'{name} 的结果'


async def main():
    print('main 开始')
    # Mistake: a task is created, but awaited on the same line, before the second task exists.
    # create_task alone does not make code concurrent; what matters is creating both before waiting.
    r1 = await asyncio.create_task(func('任务1'))
    r2 = await asyncio.create_task(func('任务2'))
    print(r1, r2)
    print('main 结束')


asyncio.run(main())
