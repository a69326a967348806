import asyncio


async def func(name):
    print(f'{name}: 开始')
    await asyncio.sleep(2)
    print(f'{name}: 完成')
    return f'{name} 的结果'


async def main():
    print('main 开始')
    # 先把两个协程都交给事件循环（创建任务），再等待它们：两个 sleep 同时进行。
    t1 = asyncio.create_task(func('任务1'))
    t2 = asyncio.create_task(func('任务2'))
    r1 = await t1
    r2 = await t2
    print(r1, r2)
    print('main 结束')


asyncio.run(main())
